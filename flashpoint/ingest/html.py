"""HTML pages: article title, date and body text through trafilatura."""

from __future__ import annotations

import datetime as dt

import trafilatura

from flashpoint.errors import NoTextInHtml
from flashpoint.ingest.text import RawDocument


def read_html(html: str, *, source: str | None = None, where: str = "") -> RawDocument:
    """The main text of an HTML page, with the title and date from its metadata."""
    found = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise NoTextInHtml(detail=f" in {where}" if where else "")
    published: dt.date | None = None
    raw_date = getattr(found, "date", None)
    if raw_date:
        try:
            published = dt.date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    return RawDocument(
        text=text,
        title=getattr(found, "title", None),
        published=published,
        source=source or getattr(found, "url", None),
    )
