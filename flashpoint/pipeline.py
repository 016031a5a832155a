"""The pipeline: text -> spaCy parse -> registered extractors -> Report."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from itertools import repeat
from typing import TypeVar

from spacy.tokens import Doc

from flashpoint.config import DEFAULT, Settings
from flashpoint.errors import ExtractionFailed, FlashpointError, LayerUnavailable
from flashpoint.extractors.context import Context
from flashpoint.ingest.clean import Cleaned, clean, dateline_day
from flashpoint.ingest.text import check_text, parse_date, scrub
from flashpoint.models import Dateline, Document, RemovedBlock, Report
from flashpoint.nlp import load
from flashpoint.registry import ExtractorSpec, ordered

# date, title, source of one text, and what cleaning found in it
_Meta = tuple[dt.date | None, str | None, str | None, Cleaned]


def document_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def extract(
    text: str,
    published: str | dt.date | None = None,
    *,
    title: str | None = None,
    source: str | None = None,
    settings: Settings = DEFAULT,
) -> Report:
    """Extract the full record from one report."""
    return next(
        extract_many(
            [text], published=[published], titles=[title], sources=[source], settings=settings
        )
    )


def extract_many(
    texts: Iterable[str],
    published: Iterable[str | dt.date | None] | str | dt.date | None = None,
    *,
    titles: Iterable[str | None] | None = None,
    sources: Iterable[str | None] | None = None,
    settings: Settings = DEFAULT,
) -> Iterator[Report]:
    """Stream records for many reports, parsing in batches with ``nlp.pipe``.

    ``published`` is one date (ISO string, date or datetime) for all texts or an
    iterable aligned with them. Each text is checked first; a bad one raises its
    named error when reached. Texts over :data:`PIECE_CHARS` are parsed in pieces cut
    at paragraph breaks and joined back into one ``Doc``, so offsets stay those of
    the whole text and spaCy's own length limit never applies.
    """
    dates: Iterable[str | dt.date | None]
    if published is None or isinstance(published, str | dt.date):
        dates = repeat(published)
    else:
        dates = published
    nlp = load(settings.model)
    specs = ordered(settings.extractors)

    def pieces() -> Iterator[tuple[str, tuple[bool, _Meta]]]:
        for text, date, title, source in zip(
            texts, dates, titles or repeat(None), sources or repeat(None), strict=False
        ):
            check_text(text, max_chars=settings.max_chars, check_language=settings.check_language)
            # the parser reads the article only; the stored text stays whole (same offsets)
            cleaned = clean(text) if settings.clean else Cleaned(text=text)
            meta = (parse_date(date), title, source, cleaned)
            parts = split_text(cleaned.text)
            for n, part in enumerate(parts, start=1):
                yield part, (n == len(parts), meta)

    parsed: list[Doc] = []
    for batch in _batches(pieces(), settings.batch_size):
        for doc, (last, (date, title, source, cleaned)) in nlp.pipe(
            batch, as_tuples=True, batch_size=len(batch)
        ):
            parsed.append(doc)
            if not last:
                continue
            whole = (
                parsed[0] if len(parsed) == 1 else Doc.from_docs(parsed, ensure_whitespace=False)
            )
            parsed = []
            yield build_report(
                whole,
                date,
                title=title,
                source=source,
                specs=specs,
                settings=settings,
                cleaned=cleaned,
            )


# Longest piece handed to spaCy at once: well under its max_length (1,000,000).
PIECE_CHARS = 100_000
# Most characters parsed in one batch: the parser's memory grows with the batch's
# length (about 3 KB a character), so a batch of long texts is cut short.
BATCH_CHARS = 200_000

_T = TypeVar("_T")


def _batches(items: Iterable[tuple[str, _T]], size: int) -> Iterator[list[tuple[str, _T]]]:
    """``(text, tag)`` pairs in batches of at most ``size`` texts and BATCH_CHARS chars."""
    batch: list[tuple[str, _T]] = []
    chars = 0
    for item in items:
        if batch and (len(batch) >= size or chars + len(item[0]) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[0])
    if batch:
        yield batch


def split_text(text: str, limit: int | None = None) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters (default
    :data:`PIECE_CHARS`) that join back to it, each cut at a paragraph break, else a
    line break, a sentence end or a space."""
    limit = limit or PIECE_CHARS
    if len(text) <= limit:
        return [text]
    out: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for mark in ("\n\n", "\n", ". ", " "):
            at = window.rfind(mark, limit // 2)
            if at > 0:
                cut = at + len(mark)
                break
        if cut <= 0:
            cut = limit
        out.append(text[start : start + cut])
        start += cut
    out.append(text[start:])
    return out


def build_report(
    doc: Doc,
    published: dt.date | None,
    *,
    title: str | None = None,
    source: str | None = None,
    specs: list[ExtractorSpec] | None = None,
    settings: Settings = DEFAULT,
    cleaned: Cleaned | None = None,
) -> Report:
    """Run the extractors over an already parsed document.

    ``cleaned`` is what ``ingest.clean`` found when ``doc`` was parsed from its
    blanked text; the stored text is then the original, of the same length.
    An extractor that fails on an input it should have handled raises
    ``ExtractionFailed`` (FP032) naming it, never a bare Python error.
    """
    dateline = cleaned.dateline if cleaned else None
    stamps = tuple(cleaned.stamps) if cleaned else ()
    ctx = Context(doc=doc, published=published, settings=settings, dateline=dateline, stamps=stamps)
    run_extractors(ctx, specs if specs is not None else ordered(settings.extractors))
    text = cleaned.original if cleaned is not None and cleaned.original else ctx.text
    try:
        document = Document(
            id=document_id(text),
            title=scrub(title),
            published=published.isoformat() if published else None,
            source=scrub(source),
            text=text,
            dateline=dateline_record(ctx, text),
            removed=[
                RemovedBlock(kind=b.kind, start=b.start, end=b.end)
                for b in (cleaned.removed if cleaned else [])
            ],
            sentences=[s.start_char for s in ctx.sentences],
        )
        return Report(document=document, **ctx.results)
    except (ValueError, TypeError) as err:  # pydantic's ValidationError is a ValueError
        reason = " ".join(str(err).split())[:200]
        raise ExtractionFailed(detail=f" (the record is not valid: {reason})") from err


def run_extractors(ctx: Context, specs: list[ExtractorSpec]) -> Context:
    """Run ``specs`` (from :func:`flashpoint.registry.ordered`) over one context, in order.

    Each extractor must hand over every layer it declares; one that does not is
    ``FP093`` here, not a puzzle in a later extractor.
    """
    for spec in specs:
        try:
            result = spec.func(ctx)
        except FlashpointError:
            raise
        except Exception as err:
            detail = f" in the {spec.name} extractor ({type(err).__name__}: {err})"
            raise ExtractionFailed(detail=detail[:300]) from err
        if spec.produces is not None:
            ctx.results[spec.produces] = result
        for layer in spec.provides:
            if not ctx.has(layer):
                raise LayerUnavailable(
                    f" ('{spec.name}' declares it but did not provide it)", layer=layer
                )
    return ctx


def dateline_record(ctx: Context, text: str) -> Dateline | None:
    """The dateline as a record, its place resolved to the ``places`` entry made for it."""
    found = ctx.dateline
    if found is None:
        return None
    location = next(
        (
            p.id
            for p in ctx.results.get("places", [])
            if any(m.start == found.start for m in p.mentions)
        ),
        None,
    )
    return Dateline(
        start=found.start,
        end=found.end,
        text=text[found.start : found.end],
        place=found.place,
        region=found.region,
        location=location,
        day=dateline_day(found.day, ctx.published),
        outlet=found.outlet,
    )
