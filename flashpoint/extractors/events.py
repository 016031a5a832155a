"""Placeholder: the events extractor is being written."""

from __future__ import annotations

from typing import Any

from flashpoint.extractors.context import Context
from flashpoint.registry import extractor


@extractor("events", produces="events")
def extract_events(ctx: Context) -> list[Any]:
    return []
