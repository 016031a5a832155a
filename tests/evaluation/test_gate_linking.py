"""Accuracy gates: cross-report linking (GVC, GVA, ECB+) and Timeline17 against floors.

Each gate scores a fixed subset, the first N documents of the set's file in
file order, so it stays fast; set ``FLASHPOINT_EVAL_CACHE`` to a folder to
reuse extracted Reports between runs (see flashpoint/evaluation/reports_cache.py).
Measured 2026-12-01 with ``flashpoint eval NAME --data ../shared/eval/NAME --limit N``:

    gvc (all splits), first 100 docs, 48 incidents: pair P 1.000 R 0.783 F1 0.879,
        B-cubed F1 0.944, killed accuracy 0.805 (naive baseline pair F1 0.605)
    gva, first 150 docs, 69 incidents: pair F1 0.866, B-cubed F1 0.921 (baseline 0.640)
    ecbplus (train+val topics), first 100 docs, 8 happenings: pair F1 0.493 (0.532 before
        the real-news extraction changes landed),
        cross-happening share 0.000 (baseline pair F1 0.223)
    t17/iraq, first 60 articles: date F1 0.201, within a day 0.271
        (busiest-days baseline 0.215 / 0.277; coverage ranking 0.235 / 0.275)

Full-set figures are in docs/incidents.md. Floors sit a little below ours.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from flashpoint.evaluation import linking, t17
from tests.conftest import EVAL


def _scores(name: str, limit: int) -> dict[str, Any]:
    data = EVAL / name
    if not ((data / "docs.jsonl").is_file() or (data / "articles.jsonl").is_file()):
        pytest.skip(f"the {name} data (../shared/eval/{name}) is absent")
    if name.startswith("t17"):
        return t17.evaluate(Path(data), limit=limit)
    return getattr(linking, name)(Path(data), limit=limit)


@pytest.mark.slow
def test_gvc_floor() -> None:
    s = _scores("gvc", 100)
    assert s["documents"] == 100 and s["gold_incidents"] == 48
    assert s["pair_f1"] >= 0.85 and s["pair_precision"] >= 0.97
    assert s["bcubed_f1"] >= 0.92
    assert s["killed_accuracy"] >= 0.77
    assert s["pair_f1"] > s["baseline_pair_f1"]


@pytest.mark.slow
def test_gva_floor() -> None:
    s = _scores("gva", 150)
    assert s["documents"] == 150
    assert s["pair_f1"] >= 0.85 and s["bcubed_f1"] >= 0.90


@pytest.mark.slow
def test_ecbplus_floor() -> None:
    s = _scores("ecbplus", 100)
    assert s["pair_f1"] >= 0.47 and s["pair_precision"] >= 0.97
    assert s["cross_happening_share"] <= 0.02


@pytest.mark.slow
def test_t17_floor() -> None:
    s = _scores("t17/iraq", 60)
    assert s["date_f1"] >= 0.19 and s["date_f1_1day"] >= 0.25
