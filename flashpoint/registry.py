"""Registries: extractors and evaluations register by name, in one place.

An extractor is a small callable with one job. It declares the Report field
it fills (``produces``) and the fields it reads (``requires``); the pipeline
runs them in an order that satisfies those needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flashpoint.errors import UnknownComponent

if TYPE_CHECKING:
    from flashpoint.extractors.context import Context


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    name: str
    produces: str
    requires: tuple[str, ...]
    func: Callable[[Context], list[Any]]


_EXTRACTORS: dict[str, ExtractorSpec] = {}


def extractor(
    name: str, *, produces: str, requires: tuple[str, ...] = ()
) -> Callable[[Callable[[Context], list[Any]]], Callable[[Context], list[Any]]]:
    """Register ``func(ctx) -> list[record]`` as the extractor that fills ``produces``."""

    def register(func: Callable[[Context], list[Any]]) -> Callable[[Context], list[Any]]:
        _EXTRACTORS[name] = ExtractorSpec(name, produces, requires, func)
        return func

    return register


def extractors() -> dict[str, ExtractorSpec]:
    import flashpoint.extractors  # noqa: F401  (registers the built-ins)

    return dict(_EXTRACTORS)


def ordered(names: tuple[str, ...] | None = None) -> list[ExtractorSpec]:
    """The chosen extractors in dependency order (a topological sort on fields)."""
    known = extractors()
    chosen = list(known) if names is None else list(names)
    for name in chosen:
        if name not in known:
            raise UnknownComponent(kind="extractor", name=name, known=", ".join(sorted(known)))
    done: set[str] = set()
    order: list[ExtractorSpec] = []
    pending = [known[n] for n in chosen]
    available = {spec.produces for spec in pending}
    while pending:
        ready = [s for s in pending if all(r in done or r not in available for r in s.requires)]
        if not ready:  # a cycle: fall back to declaration order
            ready = pending[:1]
        for spec in ready:
            order.append(spec)
            done.add(spec.produces)
            pending.remove(spec)
    return order
