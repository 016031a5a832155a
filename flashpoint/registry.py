"""Registries: extractors and evaluations register by name, in one place.

An extractor is a small callable with one job. It declares what it makes and
what it reads, in the style of spaCy's ``assigns``/``requires``:

- ``produces``: the Report field it fills (``None`` for a component that only
  builds a context layer);
- ``provides``: the context layers it builds for later extractors (typed
  accessors on :class:`~flashpoint.extractors.context.Context`, e.g.
  ``ctx.actor_index``);
- ``requires``: the fields and layers it reads.

:func:`ordered` checks the contract before anything runs: a requirement with no
producer among the chosen extractors is ``FP090``, a cycle ``FP091``, two
producers of one name ``FP092``. A component that only builds a layer is
added by itself when a chosen extractor requires its layer. Nothing falls back
to declaration order.

Evaluations register here too (:func:`evaluation`), by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flashpoint.errors import DuplicateProducer, ExtractorCycle, MissingProducer, UnknownComponent

if TYPE_CHECKING:
    from pathlib import Path

    from flashpoint.extractors.context import Context

ExtractorFunc = Callable[["Context"], Any]
EvaluationFunc = Callable[..., dict[str, Any]]


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    name: str
    produces: str | None  # the Report field it fills
    requires: tuple[str, ...]  # Report fields and context layers it reads
    func: ExtractorFunc
    provides: tuple[str, ...] = ()  # context layers it builds

    @property
    def makes(self) -> tuple[str, ...]:
        return ((self.produces,) if self.produces else ()) + self.provides


@dataclass(frozen=True, slots=True)
class EvaluationSpec:
    name: str
    func: EvaluationFunc  # (data_dir, limit=None, baseline=False) -> flat metrics
    split: str  # which part of the gold set it scores, as the gates and README name it
    summary: str
    cached: bool = False  # reads cached Reports (``cache=DIR``, evaluation/reports_cache.py)


_EXTRACTORS: dict[str, ExtractorSpec] = {}
_EVALUATIONS: dict[str, EvaluationSpec] = {}


def extractor(
    name: str,
    *,
    produces: str | None,
    requires: tuple[str, ...] = (),
    provides: tuple[str, ...] = (),
) -> Callable[[ExtractorFunc], ExtractorFunc]:
    """Register ``func(ctx)`` as the extractor ``name`` (see the module docstring)."""

    def register(func: ExtractorFunc) -> ExtractorFunc:
        _EXTRACTORS[name] = ExtractorSpec(name, produces, requires, func, provides)
        return func

    return register


def evaluation(
    name: str, *, split: str, summary: str, cached: bool = False
) -> Callable[[EvaluationFunc], EvaluationFunc]:
    """Register ``func(data_dir, limit=None, baseline=False) -> metrics`` as ``eval NAME``;
    a ``cached`` one also takes ``cache=DIR`` (a folder of extracted Reports)."""

    def register(func: EvaluationFunc) -> EvaluationFunc:
        _EVALUATIONS[name] = EvaluationSpec(name, func, split, summary, cached)
        return func

    return register


def extractors() -> dict[str, ExtractorSpec]:
    import flashpoint.extractors  # noqa: F401  (registers the built-ins)

    return dict(_EXTRACTORS)


def evaluations() -> dict[str, EvaluationSpec]:
    import flashpoint.evaluation  # noqa: F401  (registers the built-ins)

    return dict(_EVALUATIONS)


def get_evaluation(name: str) -> EvaluationSpec:
    known = evaluations()
    if name not in known:
        raise UnknownComponent(kind="evaluation", name=name, known=", ".join(sorted(known)))
    return known[name]


def run_evaluation(
    name: str,
    data_dir: Path,
    limit: int | None = None,
    baseline: bool = False,
    cache: Path | None = None,
) -> dict[str, Any]:
    from flashpoint.errors import EvalDataMissing

    spec = get_evaluation(name)
    if not data_dir.is_dir():
        raise EvalDataMissing(path=str(data_dir))
    if spec.cached:
        return spec.func(data_dir, limit=limit, baseline=baseline, cache=cache)
    return spec.func(data_dir, limit=limit, baseline=baseline)


def _producers(specs: list[ExtractorSpec]) -> dict[str, ExtractorSpec]:
    producers: dict[str, ExtractorSpec] = {}
    for spec in specs:
        for made in spec.makes:
            if made in producers:
                raise DuplicateProducer(first=producers[made].name, second=spec.name, what=made)
            producers[made] = spec
    return producers


def ordered(names: tuple[str, ...] | None = None) -> list[ExtractorSpec]:
    """The chosen extractors in dependency order, the contract checked first."""
    known = extractors()
    all_producers = _producers(list(known.values()))
    chosen = list(known) if names is None else list(dict.fromkeys(names))
    for name in chosen:
        if name not in known:
            raise UnknownComponent(kind="extractor", name=name, known=", ".join(sorted(known)))
    # Layer-only components come along when something chosen needs their layer.
    pending = [known[n] for n in chosen]
    k = 0
    while k < len(pending):
        for need in pending[k].requires:
            helper = all_producers.get(need)
            if helper is not None and helper.produces is None and helper not in pending:
                pending.append(helper)
        k += 1
    producers = _producers(pending)
    for spec in pending:
        for need in spec.requires:
            if need not in producers:
                owner = all_producers.get(need)
                hint = f" (add '{owner.name}' to the extractors)" if owner else ""
                raise MissingProducer(hint, name=spec.name, needs=need)
    done: set[str] = set()
    order: list[ExtractorSpec] = []
    while pending:
        ready = [s for s in pending if all(r in done for r in s.requires)]
        if not ready:
            raise ExtractorCycle(names=", ".join(sorted(s.name for s in pending)))
        for spec in ready:
            order.append(spec)
            done.update(spec.makes)
            pending.remove(spec)
    return order
