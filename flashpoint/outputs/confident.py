"""Events above a confidence threshold: the filter behind ``--min-confidence``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flashpoint.errors import BadConfidence
from flashpoint.models import Report


def check_threshold(min_confidence: float) -> float:
    if not 0.0 <= min_confidence <= 1.0:
        raise BadConfidence(value=min_confidence)
    return min_confidence


def confident(report: Report, min_confidence: float) -> Report:
    """``report`` with only the events whose confidence is at least ``min_confidence``
    (an event without a confidence, from an older store, is kept)."""
    if not min_confidence:
        return report
    kept = [e for e in report.events if e.confidence is None or e.confidence >= min_confidence]
    return report.model_copy(update={"events": kept})


class ConfidentView:
    """A store seen through the threshold: its reports and its ``events`` rows."""

    def __init__(self, store: Any, min_confidence: float) -> None:
        self._store = store
        self.min_confidence = min_confidence

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def reports(self, *args: Any, **kwargs: Any) -> Iterator[Report]:
        for report in self._store.reports(*args, **kwargs):
            yield confident(report, self.min_confidence)

    def rows(self, table: str, *args: Any, **kwargs: Any) -> tuple[list[str], Iterator[Any]]:
        names, rows = self._store.rows(table, *args, **kwargs)
        if table != "events" or "confidence" not in names:
            return names, rows
        col = names.index("confidence")
        threshold = self.min_confidence

        def kept() -> Iterator[Any]:
            for row in rows:
                if row[col] is None or row[col] >= threshold:
                    yield row

        return names, kept()
