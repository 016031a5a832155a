"""Placeholder: the claims extractor is being written."""

from __future__ import annotations

from typing import Any

from flashpoint.extractors.context import Context
from flashpoint.registry import extractor


@extractor("claims", produces="claims")
def extract_claims(ctx: Context) -> list[Any]:
    return []
