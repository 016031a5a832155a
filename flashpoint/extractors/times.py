"""Placeholder: the times extractor is being written."""

from __future__ import annotations

from typing import Any

from flashpoint.extractors.context import Context
from flashpoint.registry import extractor


@extractor("times", produces="times")
def extract_times(ctx: Context) -> list[Any]:
    return []
