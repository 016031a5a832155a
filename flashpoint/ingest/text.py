"""Decode and check input before any NLP runs: every failure is a named error."""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from flashpoint.errors import (
    BadDate,
    BinaryInput,
    EmptyInput,
    InputTooLarge,
    NotEnglish,
    UndecodableInput,
)

_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.I)
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(slots=True)
class RawDocument:
    """Decoded input plus whatever metadata came with it."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None


def parse_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise BadDate(value=value) from None


def decode(data: bytes, where: str = "") -> str:
    """UTF-8 text from ``data`` (a BOM is dropped), or a named error."""
    detail = f" in {where}" if where else ""
    if b"\x00" in data[:8192]:
        raise BinaryInput(detail=detail)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UndecodableInput(detail=f"{detail} (byte {err.start})") from None
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > 0.01:
        raise BinaryInput(detail=detail)
    return text


def check_text(text: str, *, max_chars: int, check_language: bool = True, where: str = "") -> str:
    """Return ``text`` if it is usable; raise the error that says why not."""
    detail = f" in {where}" if where else ""
    if not text.strip():
        raise EmptyInput(detail=detail)
    if len(text) > max_chars:
        raise InputTooLarge(size=len(text), limit=max_chars, detail=detail)
    if check_language:
        language = detect_language(text)
        if language not in ("en", "unknown"):
            raise NotEnglish(language=language, detail=detail)
    return text


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or 'unknown' when too short to tell."""
    sample = text[:2000]
    if sum(ch.isalpha() for ch in sample) < 40:
        return "unknown"
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0  # deterministic results
    try:
        return str(detect(sample))
    except LangDetectException:
        return "unknown"


def looks_like_html(data: bytes) -> bool:
    return bool(_HTML_START.match(data[:512]))


def load_path(path: str, *, where: str | None = None) -> RawDocument:
    """Read a file (or '-' for stdin); HTML pages go through the HTML reader."""
    label = where or ("<stdin>" if path == "-" else path)
    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    return load_bytes(data, source=None if path == "-" else path, where=label)


def load_bytes(data: bytes, *, source: str | None = None, where: str = "") -> RawDocument:
    if not data.strip():
        raise EmptyInput(detail=f" in {where}" if where else "")
    if looks_like_html(data) or (source or "").lower().endswith((".html", ".htm")):
        from flashpoint.ingest.html import read_html

        return read_html(decode(data, where), source=source, where=where)
    return RawDocument(text=decode(data, where), source=source)
