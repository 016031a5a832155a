"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from flashpoint import Settings, extract
from flashpoint.models import Report

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "venezuela-report.txt"
EVAL = SHARED / "eval"

# Test sentences are short: language detection is checked by its own tests.
TEST_SETTINGS = Settings(check_language=False)


@pytest.fixture(scope="session")
def run() -> Callable[..., Report]:
    """``run(text, published)`` -> Report, with the default pipeline."""

    def _run(text: str, published: str | dt.date | None = "2024-03-13") -> Report:
        return extract(text, published, settings=TEST_SETTINGS)

    return _run


@pytest.fixture(scope="session")
def seed_report() -> Report:
    if not SEED.exists():
        pytest.skip("the seed report (../shared/seed/) is not present")
    return extract(SEED.read_text(encoding="utf-8"), "2025-12-01")
