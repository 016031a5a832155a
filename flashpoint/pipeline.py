"""The pipeline: text -> spaCy parse -> registered extractors -> Report."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from itertools import repeat

from spacy.tokens import Doc

from flashpoint.config import DEFAULT, Settings
from flashpoint.errors import LayerUnavailable
from flashpoint.extractors.context import Context
from flashpoint.ingest.clean import Cleaned, clean, dateline_day
from flashpoint.ingest.text import check_text, parse_date
from flashpoint.models import Dateline, Document, RemovedBlock, Report
from flashpoint.nlp import load
from flashpoint.registry import ExtractorSpec, ordered


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

    ``published`` is one date for all texts or an iterable aligned with them.
    Each text is checked first; a bad one raises its named error when reached.
    """
    dates: Iterable[str | dt.date | None]
    if published is None or isinstance(published, str | dt.date):
        dates = repeat(published)
    else:
        dates = published
    nlp = load(settings.model)
    specs = ordered(settings.extractors)

    def checked() -> Iterator[tuple[str, tuple[dt.date | None, str | None, str | None, Cleaned]]]:
        for text, date, title, source in zip(
            texts, dates, titles or repeat(None), sources or repeat(None), strict=False
        ):
            check_text(text, max_chars=settings.max_chars, check_language=settings.check_language)
            # the parser reads the article only; the stored text stays whole (same offsets)
            cleaned = clean(text) if settings.clean else Cleaned(text=text)
            yield cleaned.text, (parse_date(date), title, source, cleaned)

    for doc, (date, title, source, cleaned) in nlp.pipe(
        checked(), as_tuples=True, batch_size=settings.batch_size
    ):
        yield build_report(
            doc, date, title=title, source=source, specs=specs, settings=settings, cleaned=cleaned
        )


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
    blanked text; the stored text is then the original, of the same length."""
    dateline = cleaned.dateline if cleaned else None
    ctx = Context(doc=doc, published=published, settings=settings, dateline=dateline)
    run_extractors(ctx, specs if specs is not None else ordered(settings.extractors))
    text = cleaned.original if cleaned is not None and cleaned.original else doc.text
    document = Document(
        id=document_id(text),
        title=title,
        published=published.isoformat() if published else None,
        source=source,
        text=text,
        dateline=dateline_record(ctx, text),
        removed=[
            RemovedBlock(kind=b.kind, start=b.start, end=b.end)
            for b in (cleaned.removed if cleaned else [])
        ],
    )
    return Report(document=document, **ctx.results)


def run_extractors(ctx: Context, specs: list[ExtractorSpec]) -> Context:
    """Run ``specs`` (from :func:`flashpoint.registry.ordered`) over one context, in order.

    Each extractor must hand over every layer it declares; one that does not is
    ``FP093`` here, not a puzzle in a later extractor.
    """
    for spec in specs:
        result = spec.func(ctx)
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
