"""The extractor contract: requirements, producers and cycles are checked before a run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from flashpoint import registry
from flashpoint.config import DEFAULT
from flashpoint.errors import (
    DuplicateProducer,
    ExtractorCycle,
    LayerUnavailable,
    MissingProducer,
    UnknownComponent,
)
from flashpoint.extractors.context import Context
from flashpoint.nlp import load
from flashpoint.pipeline import run_extractors


@pytest.fixture
def scratch(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, registry.ExtractorSpec]]:
    """A registry holding only the extractors a test registers."""
    table: dict[str, registry.ExtractorSpec] = {}
    monkeypatch.setattr(registry, "_EXTRACTORS", table)
    monkeypatch.setattr(registry, "extractors", lambda: dict(table))
    yield table


def _add(name: str, produces: str | None, requires: tuple[str, ...] = (), provides=()) -> None:  # type: ignore[no-untyped-def]
    registry.extractor(name, produces=produces, requires=requires, provides=provides)(
        lambda ctx: []
    )


def test_the_built_ins_satisfy_their_contract() -> None:
    order = [s.name for s in registry.ordered()]
    made: set[str] = set()
    for spec in registry.ordered():
        assert set(spec.requires) <= made, spec.name
        made.update(spec.makes)
    assert order.index("entities") < order.index("actors") < order.index("quotes")
    assert order[-1] == "events"


def test_a_requirement_nobody_produces_is_fp090(scratch: dict) -> None:
    _add("b", "b", requires=("a",))
    with pytest.raises(MissingProducer, match=r"FP090.*'b' requires 'a'"):
        registry.ordered()


def test_a_producer_left_out_of_the_choice_is_named(scratch: dict) -> None:
    _add("a", "a")
    _add("b", "b", requires=("a",))
    with pytest.raises(MissingProducer, match="add 'a' to the extractors"):
        registry.ordered(("b",))


def test_a_layer_only_component_comes_along(scratch: dict) -> None:
    _add("marks", None, provides=("quote_marks",))
    _add("b", "b", requires=("quote_marks",))
    assert [s.name for s in registry.ordered(("b",))] == ["marks", "b"]


def test_a_cycle_is_fp091_not_declaration_order(scratch: dict) -> None:
    _add("a", "a", requires=("b",))
    _add("b", "b", requires=("a",))
    with pytest.raises(ExtractorCycle, match=r"FP091.*a, b"):
        registry.ordered()


def test_two_producers_of_one_field_are_fp092(scratch: dict) -> None:
    _add("a", "times")
    _add("b", "times")
    with pytest.raises(DuplicateProducer, match="FP092"):
        registry.ordered()


def test_a_layer_read_before_it_is_produced_is_fp093() -> None:
    ctx = Context(doc=load(DEFAULT.model)("Officials met on Monday."))
    with pytest.raises(LayerUnavailable, match=r"FP093.*actor_index"):
        _ = ctx.actor_index
    with pytest.raises(LayerUnavailable, match="FP093"):
        ctx.provide("hedges", ["not a tuple"])
    with pytest.raises(UnknownComponent, match="FP012"):
        ctx.provide("token_actor", {})


def test_an_extractor_that_does_not_provide_its_layer_is_caught(scratch: dict) -> None:
    _add("lazy", None, provides=("hedges",))
    ctx = Context(doc=load(DEFAULT.model)("Officials met on Monday."))
    with pytest.raises(LayerUnavailable, match="'lazy' declares it"):
        run_extractors(ctx, registry.ordered(("lazy",)))


def test_evaluations_register_with_their_split() -> None:
    known = registry.evaluations()
    assert {"timebank", "polnear", "conll", "plover", "indiapolice"} <= set(known)
    assert known["polnear"].split.startswith("dev")
    with pytest.raises(UnknownComponent, match=r"FP012.*evaluation"):
        registry.get_evaluation("nosuchset")
