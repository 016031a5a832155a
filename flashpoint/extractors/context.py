"""What an extractor sees: the parsed document, earlier results, and typed layers.

Data one extractor hands to a later one travels as a named *layer*, never as an
undeclared key: the producer declares it (``provides=`` in its registration)
and calls :meth:`Context.provide`; a reader declares it in ``requires`` and reads
the typed accessor (``ctx.actor_index``, ``ctx.entities``, ``ctx.quote_marks``,
``ctx.hedges``). Reading a layer nobody produced yet is ``FP093``.

| layer | type | produced by |
|---|---|---|
| ``entities`` | ``tuple[spacy Span, ...]`` | ``entities`` (``extractors/entities.py``) |
| ``quote_marks`` | ``tuple[Marked, ...]`` | ``quote_marks`` (``extractors/quotemarks.py``) |
| ``actor_index`` | :class:`ActorIndex` | ``actors`` (``extractors/actors.py``) |
| ``hedges`` | ``tuple[Hedge, ...]`` | ``hedges`` (``extractors/claims.py``) |
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from flashpoint.config import DEFAULT, Settings
from flashpoint.errors import LayerUnavailable, UnknownComponent
from flashpoint.extractors.quotemarks import Marked
from flashpoint.ingest.clean import DatelineMatch
from flashpoint.models import Actor, Hedge, Span


@dataclass(frozen=True, slots=True)
class ActorIndex:
    """Where the actors are: token -> actor id, character spans, and the records by id."""

    by_token: Mapping[int, str]  # token index -> Actor.id (the innermost mention wins)
    spans: Sequence[tuple[int, int, str]]  # (start_char, end_char, Actor.id), sorted
    by_id: Mapping[str, Actor]
    _starts: list[int] = field(init=False, repr=False, compare=False)
    _longest: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [s for s, _, _ in self.spans])
        object.__setattr__(self, "_longest", max((e - s for s, e, _ in self.spans), default=0))

    def at(self, token: Token | int) -> str | None:
        """The id of the actor a mention of which covers this token."""
        return self.by_token.get(token if isinstance(token, int) else token.i)

    def overlapping(self, start: int, end: int) -> str | None:
        """The id of the actor whose mention overlaps the characters ``start:end`` the most."""
        best, best_overlap = None, 0
        spans = self.spans
        for k in range(bisect_left(self._starts, start - self._longest), len(spans)):
            s, e, actor_id = spans[k]  # (from the first that can reach ``start``)
            if s >= end:
                break
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = actor_id, overlap
        return best

    def name_of(self, actor_id: str | None) -> str | None:
        actor = self.by_id.get(actor_id) if actor_id else None
        return actor.name if actor else None

    def kind_of(self, actor_id: str | None) -> str | None:
        actor = self.by_id.get(actor_id) if actor_id else None
        return actor.kind if actor else None


# The layers, by name, with the type a producer must hand over.
LAYERS: dict[str, type | tuple[type, ...]] = {
    "entities": tuple,
    "quote_marks": tuple,
    "actor_index": ActorIndex,
    "hedges": tuple,
}


@dataclass(slots=True)
class Context:
    doc: Doc
    published: dt.date | None = None
    settings: Settings = DEFAULT
    # The dateline ingest/clean.py found ("TRIPOLI, Libya (CNN) --"), if any.
    dateline: DatelineMatch | None = None
    # A live blog's update stamps (offset, text) ingest/clean.py blanked: the entries' days.
    stamps: tuple[tuple[int, str], ...] = ()
    results: dict[str, list[Any]] = field(default_factory=dict)
    _layers: dict[str, Any] = field(default_factory=dict)
    _counters: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    _text: str | None = None
    _sentences: list[SpacySpan] | None = None
    _sentence_starts: list[int] = field(default_factory=list)
    _ranges: dict[tuple[str, str | None], Any] = field(default_factory=dict)
    # Diagnostics, not a layer: each event's confidence features (event id -> features),
    # kept so scripts/fit_confidence.py can refit the calibration. No extractor reads it.
    event_features: dict[str, dict[str, float]] = field(default_factory=dict)

    # --- layers ------------------------------------------------------------------

    def provide(self, layer: str, value: Any) -> None:
        """Hand a layer to later extractors (the caller declares it in ``provides``)."""
        kind = LAYERS.get(layer)
        if kind is None:
            raise UnknownComponent(kind="context layer", name=layer, known=", ".join(LAYERS))
        if not isinstance(value, kind):
            raise LayerUnavailable(f" (handed a {type(value).__name__})", layer=layer)
        self._layers[layer] = value

    def has(self, layer: str) -> bool:
        return layer in self._layers

    def _layer(self, layer: str) -> Any:
        try:
            return self._layers[layer]
        except KeyError:
            raise LayerUnavailable(layer=layer) from None

    @property
    def entities(self) -> tuple[SpacySpan, ...]:
        """The corrected named entities (spaCy spans, spaCy's labels), in text order."""
        return self._layer("entities")

    @property
    def quote_marks(self) -> tuple[Marked, ...]:
        return self._layer("quote_marks")

    @property
    def actor_index(self) -> ActorIndex:
        return self._layer("actor_index")

    @property
    def hedges(self) -> tuple[Hedge, ...]:
        return self._layer("hedges")

    # --- the document --------------------------------------------------------------

    @property
    def text(self) -> str:
        # Doc.text joins every token on each access; build it once per document.
        if self._text is None:
            self._text = self.doc.text
        return self._text

    def new_id(self, prefix: str) -> str:
        self._counters[prefix] += 1
        return f"{prefix}{self._counters[prefix]}"

    def span(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, text=self.text[start:end])

    def of(self, tokens: SpacySpan) -> Span:
        return self.span(tokens.start_char, tokens.end_char)

    @property
    def sentences(self) -> list[SpacySpan]:
        """The document's sentences, listed once (Token.sent scans the whole Doc per call)."""
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
            self._sentence_starts = [s.start_char for s in self._sentences]
        return self._sentences

    def sentence_index(self, char: int) -> int:
        """The index in :attr:`sentences` of the sentence containing offset ``char``."""
        self.sentences  # noqa: B018  (lists them and their starts once)
        return max(bisect_right(self._sentence_starts, char) - 1, 0)

    def covering(self, name: str, char: int, part: str | None = None) -> list[Any]:
        """The items of result ``name`` whose span (their ``part``, such as a claim's
        "content", else the item's own) holds offset ``char``. By bisection over the
        items sorted once: a scan of them all for each event is quadratic in the text."""
        items = self.results.get(name, [])
        cached = self._ranges.get((name, part))
        if cached is None or cached[0] != len(items):
            spans = sorted(
                ((getattr(x, part) if part else x, x) for x in items), key=lambda p: p[0].start
            )
            longest = max((sp.end - sp.start for sp, _ in spans), default=0)
            cached = (len(items), spans, [sp.start for sp, _ in spans], longest)
            self._ranges[(name, part)] = cached
        _, spans, starts, longest = cached
        lo, hi = bisect_left(starts, char - longest), bisect_right(starts, char)
        return [x for sp, x in spans[lo:hi] if sp.start <= char < sp.end]

    def sentence_at(self, char: int) -> SpacySpan:
        """The spaCy sentence containing character offset ``char``."""
        return self.sentences[self.sentence_index(char)]
