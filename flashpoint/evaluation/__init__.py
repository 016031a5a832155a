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
    "wikievents": "flashpoint.evaluation.wikievents:evaluate",
    "case2021": "flashpoint.evaluation.case2021:evaluate",
}


def get(name: str) -> Callable[..., dict[str, Any]]:
    if name not in EVALUATIONS:
        raise UnknownComponent(kind="evaluation", name=name, known=", ".join(EVALUATIONS))
    module, func = EVALUATIONS[name].split(":")
    return getattr(importlib.import_module(module), func)


def run(
    name: str, data_dir: Path, limit: int | None = None, baseline: bool = False
) -> dict[str, Any]:
    if not data_dir.is_dir():
        from flashpoint.errors import EvalDataMissing

        raise EvalDataMissing(path=str(data_dir))
    return get(name)(data_dir, limit=limit, baseline=baseline)
