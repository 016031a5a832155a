"""The look-ups of the extraction context: found by bisection, as a scan would find them."""

from __future__ import annotations

import spacy

from flashpoint.extractors.context import ActorIndex, Context
from flashpoint.models import Span


def _context() -> Context:
    return Context(doc=spacy.blank("en")("Troops entered the town on Monday."))


def test_covering_finds_a_long_span_that_starts_far_before() -> None:
    ctx = _context()
    ctx.results["quotes"] = [
        Span(text="x" * 40, start=0, end=40),
        Span(text="y", start=10, end=11),
        Span(text="z", start=41, end=45),
    ]
    assert [q.start for q in ctx.covering("quotes", 30)] == [0]
    assert sorted(q.start for q in ctx.covering("quotes", 10)) == [0, 10]
    assert ctx.covering("quotes", 40) == []


def test_covering_sees_items_added_after_a_first_look() -> None:
    ctx = _context()
    ctx.results["claims"] = []
    assert ctx.covering("claims", 5) == []
    ctx.results["claims"].append(Span(text="entered", start=7, end=14))
    assert [c.start for c in ctx.covering("claims", 8)] == [7]


def test_overlapping_prefers_the_mention_with_the_most_overlap() -> None:
    spans = [(0, 30, "a"), (5, 9, "b"), (20, 26, "c"), (40, 44, "d")]
    index = ActorIndex(by_token={}, spans=spans, by_id={})
    assert index.overlapping(21, 25) == "a"  # a long mention from far before still counts
    assert index.overlapping(41, 43) == "d"
    assert index.overlapping(31, 39) is None
