"""Accuracy gate: IndiaPoliceEvents document-level KILL / ARREST / FORCE against floors.

Split: data/final, the first 300 documents (a development subset).

The gate scores a fixed subset, the first 300 documents of ``docs.jsonl`` in file
order (about 45 s here), to stay within the CI time budget; the full set (774
documents) takes about 4 minutes. Measured 2026-11-26 with
``flashpoint eval indiapolice --data ../shared/eval/indiapoliceevents --limit 300``:

    KILL   P 0.900 R 0.643 F1 0.750  (14 gold documents)
    ARREST P 0.846 R 0.846 F1 0.846  (26)
    FORCE  P 0.947 R 0.692 F1 0.800  (26)

Full-set figures are in the evaluation module's report; the keyword baseline
(``--baseline``) on the full set: KILL P 0.436 R 0.828 F1 0.571, ARREST P 0.314
R 0.833 F1 0.456, FORCE P 0.848 R 0.765 F1 0.804. Floors sit about 0.02 below ours.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.evaluation import indiapolice
from tests.conftest import EVAL

DATA = EVAL / "indiapoliceevents"
SUBSET = 300


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    if not (DATA / "docs.jsonl").is_file():
        pytest.skip("the IndiaPoliceEvents data (../shared/eval/indiapoliceevents) is absent")
    return indiapolice.evaluate(Path(DATA), limit=SUBSET)


@pytest.mark.slow
def test_kill_floor(scores: dict[str, float]) -> None:
    assert scores["documents"] == SUBSET and scores["kill_gold"] == 14
    assert scores["kill_f1"] >= 0.73
    assert scores["kill_precision"] >= 0.88


@pytest.mark.slow
def test_arrest_floor(scores: dict[str, float]) -> None:
    assert scores["arrest_f1"] >= 0.82
    assert scores["arrest_precision"] >= 0.82


@pytest.mark.slow
def test_force_floor(scores: dict[str, float]) -> None:
    assert scores["force_f1"] >= 0.78
    assert scores["force_precision"] >= 0.92
