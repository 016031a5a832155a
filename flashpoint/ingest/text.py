"""Decode and check input before any NLP runs: every failure is a named error."""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from flashpoint.errors import (
    BadDate,
    BinaryInput,
    EmptyInput,
    InputTooLarge,
    InvalidUnicode,
    NoStandardInput,
    NotEnglish,
    UndecodableInput,
    UnreadableInput,
)

_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.I)
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")

# Language check: refuse only a text long enough for the detector to be sure, and only
# when it is sure. Headlines and one-line reports are too short to call (issue 11).
LANGUAGE_MIN_LETTERS = 120
LANGUAGE_MIN_CONFIDENCE = 0.9
LANGUAGE_SAMPLE_CHARS = 1000


@dataclass(slots=True)
class RawDocument:
    """Decoded input plus whatever metadata came with it."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A date from an ISO string, a date or a datetime (its day); else ``BadDate``."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise BadDate(value=repr(value))
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise BadDate(value=value) from None


def decode(data: bytes, where: str = "") -> str:
    """Text from ``data``: UTF-8 (a BOM is dropped) or UTF-16 (by BOM or by its zero
    bytes), or a named error."""
    detail = f" in {where}" if where else ""
    utf16 = _utf16(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as err:
            raise UndecodableInput(detail=f"{detail} (UTF-16, byte {err.start})") from None
    else:
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


def _utf16(data: bytes) -> str | None:
    """The codec of UTF-16 text (BOM, or ASCII-range text with every other byte zero)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    head = data[: min(len(data), 4096) // 2 * 2]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def scrub(value: str | None) -> str | None:
    """Metadata (a title, a source) without lone surrogates, which no encoder accepts."""
    return _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def check_text(text: str, *, max_chars: int, check_language: bool = True, where: str = "") -> str:
    """Return ``text`` if it is usable; raise the error that says why not."""
    detail = f" in {where}" if where else ""
    if not isinstance(text, str):
        raise EmptyInput(detail=f" ({type(text).__name__}, not text){detail}")
    if not text.strip():
        raise EmptyInput(detail=detail)
    if len(text) > max_chars:
        raise InputTooLarge(size=len(text), limit=max_chars, detail=detail)
    bad = _SURROGATE.search(text)
    if bad is not None:
        raise InvalidUnicode(point=ord(bad.group()), at=bad.start(), detail=detail)
    if check_language:
        language, confidence = language_of(text)
        if language not in ("en", "unknown") and confidence >= LANGUAGE_MIN_CONFIDENCE:
            raise NotEnglish(language=language, detail=f" (confidence {confidence:.2f}){detail}")
    return text


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or 'unknown' when too short to tell."""
    return language_of(text)[0]


def language_of(text: str) -> tuple[str, float]:
    """The text's most likely language (ISO 639-1) and the detector's confidence in it;
    ('unknown', 0.0) for a text with too few letters to tell."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < LANGUAGE_MIN_LETTERS:
        return "unknown", 0.0
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return "unknown", 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


# English and the languages most often met in news feeds beside it: a small set loads
# in a tenth of a second, where all 75 languages take seconds and a gigabyte.
LANGUAGES = (
    "ENGLISH", "FRENCH", "GERMAN", "SPANISH", "PORTUGUESE", "ITALIAN", "DUTCH",
    "RUSSIAN", "UKRAINIAN", "POLISH", "TURKISH", "ARABIC", "PERSIAN", "CHINESE",
    "JAPANESE", "INDONESIAN", "SWAHILI", "SOMALI", "HINDI",
)  # fmt: skip


@cache
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def looks_like_html(data: bytes) -> bool:
    return bool(_HTML_START.match(data[:512]))


def load_path(path: str, *, where: str | None = None) -> RawDocument:
    """Read a file (or '-' for stdin); HTML pages go through the HTML reader."""
    label = where or ("<stdin>" if path == "-" else path)
    if path == "-":
        data = _read_stdin()
    else:
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            detail = f" ({err.strerror or type(err).__name__})"
            raise UnreadableInput(path=path, detail=detail) from None
    return load_bytes(data, source=None if path == "-" else path, where=label)


def _read_stdin() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # started with stdin closed ("<&-")
        raise NoStandardInput()
    try:
        return bytes(stream.read())
    except (OSError, ValueError) as err:
        raise NoStandardInput(detail=f" ({err})") from None


def load_bytes(data: bytes, *, source: str | None = None, where: str = "") -> RawDocument:
    if not data.strip():
        raise EmptyInput(detail=f" in {where}" if where else "")
    if looks_like_html(data) or (source or "").lower().endswith((".html", ".htm")):
        from flashpoint.ingest.html import read_html

        return read_html(decode(data, where), source=source, where=where)
    return RawDocument(text=decode(data, where), source=source)
