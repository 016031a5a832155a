"""Precision, recall and F1 from counts, shared by every evaluation."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def f1(p: float, r: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


def prf(
    precision_hits: int, predicted: int, recall_hits: int, gold: int, *, empty: float = 0.0
) -> tuple[float, float, float]:
    """P/R/F1 when precision and recall count matches separately (overlap matching).

    ``empty`` is the precision (recall) when nothing was predicted (nothing is gold).
    """
    p = precision_hits / predicted if predicted else empty
    r = recall_hits / gold if gold else empty
    return p, r, f1(p, r)
