"""The scorers of the linking and timeline evaluations, on clusters and timelines built here."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.evaluation.linking import bcubed, pair_counts, prf
from flashpoint.evaluation.t17 import match_within, rouge, score


def test_pair_counts_and_bcubed() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    pred = {"a": "x", "b": "x", "c": "y", "d": "y"}
    tp, predicted, truth = pair_counts(pred, gold)
    assert (tp, predicted, truth) == (1, 2, 3)
    p, r, f = prf(tp, predicted, truth)
    assert (p, r) == (0.5, pytest.approx(1 / 3)) and f == pytest.approx(0.4)
    bp, br, _ = bcubed(pred, gold)
    assert bp == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert br == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)


def test_rouge_counts_clipped_ngrams() -> None:
    p, r, f = rouge("troops shelled the port the port", "troops shelled the port at dawn", 1)
    assert p == pytest.approx(4 / 6) and r == pytest.approx(4 / 6) and f == pytest.approx(4 / 6)
    assert rouge("the port", "port the", 2)[2] == 0.0


def test_days_match_one_to_one_within_a_day() -> None:
    d = dt.date(2030, 1, 10)
    pred = [d, d + dt.timedelta(days=1)]
    gold = [d + dt.timedelta(days=1), d + dt.timedelta(days=5)]
    assert match_within(pred, gold, 1) == 1
    s = score([(p, "x") for p in pred], [(g, "x") for g in gold])
    assert s["date_f1"] == 0.5 and s["date_f1_1day"] == 0.5


def test_pair_scores_share_the_common_prf_but_keep_their_empty_convention() -> None:
    from flashpoint.evaluation import metrics

    # All singletons against all singletons: no pairs either side is a perfect score ...
    assert prf(*pair_counts({"a": 1, "b": 2}, {"a": "x", "b": "y"})) == (1.0, 1.0, 1.0)
    # ... while the shared scorer counts an empty prediction as nothing found.
    assert metrics.prf(0, 0, 0, 0) == (0.0, 0.0, 0.0)
    assert metrics.f1(0.5, 1.0) == pytest.approx(2 / 3) and metrics.f1(0.0, 0.0) == 0.0
