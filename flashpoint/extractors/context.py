"""What an extractor sees: the parsed document and what earlier extractors found."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from flashpoint.ingest.clean import DatelineMatch
from flashpoint.models import Span


@dataclass(slots=True)
class Context:
    doc: Doc
    published: dt.date | None = None
    # The dateline ingest/clean.py found ("TRIPOLI, Libya (CNN) --"), if any.
    dateline: DatelineMatch | None = None
    results: dict[str, list[Any]] = field(default_factory=dict)
    # Scratch space extractors may share (e.g. token -> actor id), keyed by name.
    shared: dict[str, Any] = field(default_factory=dict)
    _counters: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def text(self) -> str:
        # Doc.text joins every token on each access; build it once per document.
        text = self.shared.get("_text")
        if text is None:
            text = self.shared["_text"] = self.doc.text
        return text

    def new_id(self, prefix: str) -> str:
        self._counters[prefix] += 1
        return f"{prefix}{self._counters[prefix]}"

    def span(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, text=self.text[start:end])

    def of(self, tokens: SpacySpan) -> Span:
        return self.span(tokens.start_char, tokens.end_char)

    def sentence_at(self, char: int) -> SpacySpan:
        """The spaCy sentence containing character offset ``char``."""
        # Token.sent scans the whole Doc on every call; list the sentences once instead.
        sentences = self.shared.get("_sentences")
        if sentences is None:
            sentences = self.shared["_sentences"] = list(self.doc.sents)
            self.shared["_sentence_starts"] = [s.start_char for s in sentences]
        k = bisect_right(self.shared["_sentence_starts"], char) - 1
        return sentences[max(k, 0)]


def _token_at(doc: Doc, char: int) -> int:
    lo, hi = 0, len(doc) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if doc[mid].idx <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo
