"""Placeholder: the quotes extractor is being written."""

from __future__ import annotations

from typing import Any

from flashpoint.extractors.context import Context
from flashpoint.registry import extractor


@extractor("quotes", produces="quotes")
def extract_quotes(ctx: Context) -> list[Any]:
    return []
