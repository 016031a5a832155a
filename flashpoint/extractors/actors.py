"""Placeholder: the actors extractor is being written."""

from __future__ import annotations

from typing import Any

from flashpoint.extractors.context import Context
from flashpoint.extractors.entities import entities  # noqa: F401  (the conll eval scores it)
from flashpoint.registry import extractor


@extractor("actors", produces="actors")
def extract_actors(ctx: Context) -> list[Any]:
    return []

