"""Accuracy gate: CASE 2021 task 2 dev snippets, share found per ACLED group, against floors.

Measured 2026-12-01 with ``flashpoint eval case2021 --data ../shared/eval/case2021``
(362 scored snippets, about 7 s): violence 0.850, protests 0.848, arrests 1.000,
agreements 0.727, diplomacy 0.960, disasters without violence 0.962, macro 0.891,
with diplomacy and agreements mapped through CAMEO2PLOVER (see the module); with
issue 8's first mapping diplomacy 0.240, agreements 0.364, macro 0.711 (before the
protest and agreement rules: 0.833 / 0.671 / 1.000 / 0.273 / 0.240 / 0.962, macro
0.663; keywords: macro 0.722). Floors sit about 0.02 below ours (agreements and
diplomacy, 11 and 25 snippets, one snippet below); the issue's targets (every group
>= 0.75, macro >= 0.80) are met except agreements (8 of 11).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.evaluation import case2021
from tests.conftest import EVAL

DATA = EVAL / "case2021"


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    if not (DATA / "dev.tsv").is_file():
        pytest.skip("the CASE 2021 data (../shared/eval/case2021) is absent")
    return case2021.evaluate(Path(DATA))


@pytest.mark.slow
def test_group_floors(scores: dict[str, float]) -> None:
    assert scores["snippets"] == 362
    assert scores["violence"] >= 0.83
    assert scores["protests"] >= 0.81
    assert scores["arrests"] >= 0.93
    assert scores["agreements"] >= 0.63
    assert scores["diplomacy"] >= 0.92
    assert scores["disasters"] >= 0.94


@pytest.mark.slow
def test_macro_floor(scores: dict[str, float]) -> None:
    assert scores["macro"] >= 0.86
    assert scores["macro_first_mapping"] >= 0.68
