"""Placeholder: the quantities extractor is being written."""

from __future__ import annotations

from typing import Any

from flashpoint.extractors.context import Context
from flashpoint.registry import extractor


@extractor("quantities", produces="quantities")
def extract_quantities(ctx: Context) -> list[Any]:
    return []
