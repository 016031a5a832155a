"""Evaluations against public gold data: each is ``evaluate(data_dir, ...) -> metrics``.

Evaluations register by name here and are imported lazily, so loading one
does not load the others' readers.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flashpoint.errors import UnknownComponent

# name -> "module:function"; the function takes (data_dir, limit=None, baseline=False)
# and returns flat metrics. ``baseline`` scores the plain tool instead, where one exists.
EVALUATIONS: dict[str, str] = {
    "timebank": "flashpoint.evaluation.timebank:evaluate",
    "polnear": "flashpoint.evaluation.polnear:evaluate",
    "conll": "flashpoint.evaluation.conll:evaluate",
    "plover": "flashpoint.evaluation.plover:evaluate",
    "indiapolice": "flashpoint.evaluation.indiapolice:evaluate",
    "gvc": "flashpoint.evaluation.linking:gvc",
    "gva": "flashpoint.evaluation.linking:gva",
    "ecbplus": "flashpoint.evaluation.linking:ecbplus",
    "t17": "flashpoint.evaluation.t17:evaluate",
}
# Corpus-level evaluations that read cached Reports (``cache=DIR``, see reports_cache).
CACHED = frozenset({"gvc", "gva", "ecbplus", "t17"})


def get(name: str) -> Callable[..., dict[str, Any]]:
    if name not in EVALUATIONS:
        raise UnknownComponent(kind="evaluation", name=name, known=", ".join(EVALUATIONS))
    module, func = EVALUATIONS[name].split(":")
    return getattr(importlib.import_module(module), func)


def run(
    name: str,
    data_dir: Path,
    limit: int | None = None,
    baseline: bool = False,
    cache: Path | None = None,
) -> dict[str, Any]:
    if not data_dir.is_dir():
        from flashpoint.errors import EvalDataMissing

        raise EvalDataMissing(path=str(data_dir))
    if name in CACHED:
        return get(name)(data_dir, limit=limit, baseline=baseline, cache=cache)
    return get(name)(data_dir, limit=limit, baseline=baseline)
