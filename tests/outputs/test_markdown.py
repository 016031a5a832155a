"""The markdown situation report: sections, items, evidence and offsets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

import pytest
from typer.testing import CliRunner

from flashpoint.models import (
    Actor,
    Claim,
    Document,
    Event,
    EventParticipant,
    Figure,
    Hedge,
    Mention,
    Place,
    Quantity,
    Quote,
    Report,
    Source,
    Span,
    Speaker,
    TimeExpression,
    Via,
)
from flashpoint.outputs.markdown import render

TEXT = (
    "Border guards in Valdoria fired on a convoy on Tuesday, killing at least 12 people. "
    "Governor Ana Ruiz said the attack was “a deliberate massacre”. "
    "“We will not be silenced,” she added. "
    "Local media, citing two witnesses, reported that the guards had allegedly been ordered "
    "to shoot. The clashes followed a *tense* week that began on Sunday."
)


def span(part: str, after: int = 0) -> Span:
    start = TEXT.index(part, after)
    return Span(start=start, end=start + len(part), text=part)


def sentence_of(part: str) -> Span:
    start = TEXT.index(part)
    left = TEXT.rfind(". ", 0, start)
    left = 0 if left < 0 else left + 2
    right = TEXT.find(". ", start)
    right = len(TEXT) if right < 0 else right + 1
    return Span(start=left, end=right, text=TEXT[left:right])


def mention(part: str, how: Literal["name", "pronoun"] = "name") -> Mention:
    s = span(part)
    return Mention(start=s.start, end=s.end, text=s.text, how=how)


@pytest.fixture(scope="module")
def report() -> Report:
    figure = span("at least 12 people")
    tuesday, sunday = span("Tuesday"), span("Sunday")
    trigger = span("fired")
    massacre = span("a deliberate massacre")
    silenced = span("We will not be silenced,")
    content = span("the guards had allegedly been ordered to shoot")
    return Report(
        document=Document(
            id="f" * 64,
            title="Clash at the *border*",
            published="2024-03-13",
            source="wire",
            text=TEXT,
        ),
        actors=[
            Actor(
                id="a1",
                name="Ana Ruiz",
                kind="person",
                country="VLD",
                sector="GOV",
                roles=["governor"],
                mentions=[mention("Ana Ruiz"), mention("she", "pronoun")],
            ),
            Actor(id="a2", name="Border guards", kind="group", mentions=[mention("Border guards")]),
        ],
        places=[
            Place(
                id="p1",
                name="Valdoria",
                feature="country",
                country="VLD",
                lat=10.5,
                lon=-66.9167,
                mentions=[mention("Valdoria")],
            )
        ],
        times=[
            TimeExpression(
                id="t1", type="date", value="2024-03-12", anchored=True, **tuesday.model_dump()
            ),
            TimeExpression(
                id="t2", type="date", value="2024-03-10", anchored=True, **sunday.model_dump()
            ),
            TimeExpression(id="t3", type="duration", value="P1W", **span("week").model_dump()),
        ],
        quotes=[
            Quote(
                id="q1",
                speaker=Speaker(name="Governor Ana Ruiz", actor="a1"),
                partial=True,
                cue=span("said"),
                sentence=sentence_of("a deliberate massacre"),
                **massacre.model_dump(),
            ),
            Quote(
                id="q2",
                speaker=Speaker(name="she", actor="a1"),
                cue=span("added"),
                **silenced.model_dump(),
            ),
        ],
        claims=[
            Claim(
                id="c1",
                content=content,
                source=Source(name="Local media", kind="media"),
                via=[Via(name="two witnesses", kind="person", count=2)],
                cue=span("reported"),
                hedges=[Hedge(kind="allegation", **span("allegedly").model_dump())],
            )
        ],
        quantities=[
            Quantity(
                id="n1",
                value=12,
                unit="people killed",
                qualifier="at_least",
                sentence=sentence_of("at least 12 people"),
                **figure.model_dump(),
            )
        ],
        events=[
            Event(
                id="e1",
                type="ASSAULT",
                mode="firearms",
                quad="material_conflict",
                intensity=-9,
                source=[EventParticipant(name="Border guards", sector="MIL")],
                target=[EventParticipant(name="convoy")],
                date="2024-03-12",
                date_precision="day",
                time="t1",
                location="p1",
                figures=[Figure(kind="dead", value=12, qualifier="at_least", quantity="n1")],
                modality="asserted",
                attribution="c1",
                trigger=trigger,
                sentence=sentence_of("fired"),
            )
        ],
    )


def section(markdown: str, title: str) -> str:
    """The body of ``## title`` up to the next section."""
    body = markdown.split(f"## {title}\n", 1)[1]
    return body.split("\n## ", 1)[0]


def offsets(part: str, after: int = 0) -> str:
    start = TEXT.index(part, after)
    return f"`{start}:{start + len(part)}`"


def test_sections_in_order(report: Report) -> None:
    markdown = render(report)
    titles = ["Who", "Where", "When", "Events", "Quotes", "Claims", "Figures"]
    positions = [markdown.index(f"\n## {t}\n") for t in titles]
    assert positions == sorted(positions)
    assert markdown.startswith("# Clash at the \\*border\\*\n")
    assert "**Published:** 2024-03-13" in markdown
    assert "**Source:** wire" in markdown


def test_who_and_where(report: Report) -> None:
    markdown = render(report)
    who = section(markdown, "Who")
    ruiz = next(line for line in who.splitlines() if "Ana Ruiz" in line)
    assert "person, VLD, GOV" in ruiz and "roles: governor" in ruiz and "2 mentions" in ruiz
    assert offsets("Ana Ruiz") in ruiz
    # The most mentioned actor comes first.
    assert who.index("Ana Ruiz") < who.index("Border guards")
    where = section(markdown, "Where")
    assert "**Valdoria** (country; VLD; 10.500, -66.917)" in where
    assert offsets("Valdoria") in where and "Border guards in Valdoria fired" in where


def test_when_is_in_date_order(report: Report) -> None:
    when = section(render(report), "When")
    assert when.index("2024-03-10") < when.index("2024-03-12") < when.index("P1W")
    assert "“Tuesday” in" in when and offsets("Tuesday") in when


def test_events(report: Report) -> None:
    events = section(render(report), "Events")
    assert "**2024-03-12** · **ASSAULT/firearms** (material conflict, -9)" in events
    assert "Border guards (MIL) → convoy" in events
    assert "at Valdoria" in events  # the place id resolved to its name
    assert "figures: at least 12 dead" in events
    assert offsets("fired") in events
    assert "per Local media (`c1`)" in events  # the claim the event rests on


def test_quotes_grouped_by_speaker(report: Report) -> None:
    quotes = section(render(report), "Quotes")
    # "Governor Ana Ruiz" and "she" resolve to one actor: one group of two.
    assert quotes.count("### ") == 1 and "### Ana Ruiz (2)" in quotes
    assert "“a deliberate massacre” (said)" in quotes
    assert offsets("a deliberate massacre") in quotes
    assert "Governor Ana Ruiz said the attack" in quotes  # the partial quote's sentence


def test_claims_with_sourcing(report: Report) -> None:
    claims = section(render(report), "Claims")
    assert "**Local media** (media) via two witnesses (person, 2)" in claims
    assert "hedged: allegation “allegedly”" in claims
    assert offsets("the guards had allegedly been ordered to shoot") in claims


def test_figures(report: Report) -> None:
    figures = section(render(report), "Figures")
    assert "**at least 12 people killed**" in figures
    assert "“at least 12 people” in “Border guards in Valdoria" in figures
    assert offsets("at least 12 people") in figures


def test_markdown_is_escaped(report: Report) -> None:
    when = section(render(report), "When")
    assert "\\*tense\\*" in when and " *tense* " not in when


def test_empty_report_says_so() -> None:
    empty = Report(document=Document(id="0" * 64, text="Nothing happened."))
    markdown = render(empty)
    assert markdown.count("_None found._") == 7
    assert markdown.startswith("# Situation report")


def test_long_sentences_are_shortened() -> None:
    filler = "word " * 200
    text = f"{filler}and 40 tanks rolled in {filler}."
    start = text.index("40 tanks")
    quantity = Quantity(
        id="n1",
        start=start,
        end=start + 8,
        text="40 tanks",
        value=40,
        unit="tanks",
        sentence=Span(start=0, end=len(text), text=text),
    )
    markdown = render(Report(document=Document(id="0" * 64, text=text), quantities=[quantity]))
    line = section(markdown, "Figures").strip()
    assert "40 tanks rolled in" in line and "…" in line and len(line) < 400


def test_rendered_from_the_pipeline(run: Callable[..., Report]) -> None:
    text = "Troops shelled the port on Monday, killing at least 9 people, officials said."
    markdown = render(run(text))
    assert "**at least 9 people killed**" in section(markdown, "Figures")


def test_cli_markdown(tmp_path: Path) -> None:
    from flashpoint.cli import app

    path = tmp_path / "report.txt"
    path.write_text(
        "Soldiers detained more than 200 protesters in the capital on Saturday, and the "
        "interior ministry said the demonstrations would not be tolerated any longer.",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["extract", str(path), "--format", "markdown", "--published", "2024-03-13"]
    )
    assert result.exit_code == 0, result.output
    assert "## Figures" in result.output
    assert "more than 200 protesters arrested" in result.output
