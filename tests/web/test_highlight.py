"""Highlights cut on the server: segments cover the text exactly, at code-point offsets."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.models import Report
from flashpoint.web.highlight import Mark, items, marks, records, segments


def test_segments_cover_the_text_and_take_the_narrowest_colour() -> None:
    text = "The army shelled Batken on Monday."
    spans = [
        Mark(0, 34, "claim", "claim:c1"),
        Mark(4, 8, "actor", "actor:a1"),
        Mark(9, 16, "event", "event:ev1"),
        Mark(0, 34, "sentence", "event:ev1"),
    ]
    cut = segments(text, spans)
    assert "".join(s.text for s in cut) == text
    army = next(s for s in cut if s.text == "army")
    assert army.kind == "actor" and army.items[0] == "actor:a1" and "claim:c1" in army.items
    shelled = next(s for s in cut if s.text == "shelled")
    assert shelled.kind == "event"
    rest = next(s for s in cut if s.text.startswith(" Batken"))
    assert rest.kind == "claim" and "event:ev1" in rest.items  # inside the event's sentence


def test_out_of_range_spans_are_dropped_and_hits_marked() -> None:
    text = "Short text."
    cut = segments(text, [Mark(3, 99, "actor", "actor:a9"), Mark(6, 10, "hit", "hit")])
    assert "".join(s.text for s in cut) == text
    assert [s.text for s in cut if s.kind == "hit"] == ["text"]
    assert all("actor:a9" not in s.items for s in cut)


def test_offsets_past_the_bmp_are_code_points(run: Callable[..., Report]) -> None:
    # U+1F6F0 is one code point but two UTF-16 units: a JavaScript cut would be off by one.
    report = run("🛰 Varnian troops shelled the town of Kessel on Monday, officials said.")
    cut = segments(report.document.text, marks(report))
    for actor in report.actors:
        for mention in actor.mentions:
            covered = "".join(s.text for s in cut if f"actor:{actor.id}" in s.items)
            assert report.document.text[mention.start : mention.end] in covered
    ids = {i.id for i in items(report)}
    assert ids == set(records(report))
    assert any(i.startswith("event:") for i in ids)
