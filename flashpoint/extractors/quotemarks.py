"""Quotation marks: where the quoted stretches of a text are.

A neutral module: the actors extractor (a pronoun inside quotation marks does
not take a name from outside them), the quotes and claims extractors and the
PolNeAR evaluation all read the same stretches. The ``quote_marks`` component
finds them once per document and leaves them as ``ctx.quote_marks``.

Straight double marks, curly double marks and curly single marks that open and
close a phrase count; a straight single quote (an apostrophe) never does. A
quotation left open at the end of a paragraph runs to that paragraph's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from flashpoint.registry import extractor

if TYPE_CHECKING:
    from flashpoint.extractors.context import Context

_OPEN_DOUBLE = "\u201c"
_CLOSE_DOUBLE = "\u201d"
_OPEN_SINGLE = "\u2018"
_CLOSE_SINGLE = "\u2019"
QUOTE_MARKS = frozenset('"\u201c\u201d\u2018\u2019\u00ab\u00bb')
_PARAGRAPH = re.compile(r"[^\n]+")
_MARKS = re.compile("''|[\"\u201c\u201d\u2018\u2019]")


@dataclass(frozen=True, slots=True)
class Marked:
    """One quoted stretch: outer offsets include the marks, inner ones don't."""

    outer_start: int
    outer_end: int
    start: int
    end: int
    paragraph: int  # index of the paragraph (line) it sits in
    closed: bool


def find_marked(text: str) -> list[Marked]:
    """Every quoted stretch in ``text``, paragraph by paragraph (a line is a paragraph)."""
    found: list[Marked] = []
    for p, para in enumerate(_PARAGRAPH.finditer(text)):
        found.extend(_marked_in(text, para.start(), para.end(), p))
    return [m for m in found if text[m.start : m.end].strip()]


def _marked_in(text: str, lo: int, hi: int, paragraph: int) -> list[Marked]:
    out: list[Marked] = []
    opened: tuple[int, int] | None = None  # offset and width of the open double mark
    single: int | None = None  # offset of an open single curly mark
    for mark in _MARKS.finditer(text, lo, hi):
        i, ch = mark.start(), mark.group(0)
        straight = ch in ('"', "''")  # two apostrophes: a double mark in some wire copy
        if ch == _OPEN_DOUBLE or (straight and opened is None):
            if opened is not None:  # a new opening before a close: the first ran unclosed
                out.append(Marked(opened[0], i, sum(opened), i, paragraph, False))
            opened = (i, len(ch))
        elif (ch == _CLOSE_DOUBLE or straight) and opened is not None:
            out.append(Marked(opened[0], mark.end(), sum(opened), i, paragraph, True))
            opened = None
        elif opened is None and ch == _OPEN_SINGLE and (i == lo or not text[i - 1].isalnum()):
            single = i
        elif (
            opened is None
            and single is not None
            and ch == _CLOSE_SINGLE
            and not text[i - 1].isspace()
            and (i + 1 >= hi or not text[i + 1].isalpha())
        ):
            out.append(Marked(single, i + 1, single + 1, i, paragraph, True))
            single = None
    if opened is not None:
        out.append(Marked(opened[0], hi, sum(opened), hi, paragraph, False))
    return out


@extractor("quote_marks", produces=None, provides=("quote_marks",))
def mark_quotes(ctx: Context) -> None:
    """The document's quoted stretches, as the ``quote_marks`` layer."""
    ctx.provide("quote_marks", tuple(find_marked(ctx.text)))
