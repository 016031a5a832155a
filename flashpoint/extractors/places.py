"""Placeholder: the places extractor is being written."""

from __future__ import annotations

from typing import Any

from flashpoint.extractors.context import Context
from flashpoint.registry import extractor


@extractor("places", produces="places")
def extract_places(ctx: Context) -> list[Any]:
    return []
