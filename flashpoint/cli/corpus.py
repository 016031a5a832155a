"""Corpus commands: ingest, incidents, timeline, search, stats, export.

Thin wrappers: each opens the store (``--db PATH``, default ``$FLASHPOINT_DB``
or ``./flashpoint.db``) and calls one library function.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import typer

from flashpoint.cli.app import app
from flashpoint.config import Settings
from flashpoint.corpus.store import Store, default_path
from flashpoint.ingest.text import parse_date

if TYPE_CHECKING:
    from flashpoint.corpus.parallel import Engine
    from flashpoint.corpus.tension import Freq

DB_HELP = "Corpus file (default: $FLASHPOINT_DB, else ./flashpoint.db)."


class EngineName(StrEnum):
    local = "local"
    dask = "dask"


class FreqName(StrEnum):
    day = "day"
    week = "week"


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    geojson = "geojson"
    plover = "plover"
    gdelt = "gdelt"


def _open(db: Path | None, *, create: bool = False) -> Store:
    # Commands that only read open the file read-only: a corpus on a read-only disk,
    # or one the user may not write, can still be searched (issue 11).
    return Store(db or default_path(), create=create, read_only=not create)


def _json(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _json(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@app.command()
def ingest(
    path: str = typer.Argument(
        ..., help="A folder of .txt/.html, a .csv/.tsv, a .jsonl, or an RSS/Atom feed (file/URL)."
    ),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(1, help="Extraction processes (or Dask workers)."),
    engine: EngineName = typer.Option(EngineName.local, help="local processes or dask."),
    scheduler: str | None = typer.Option(
        None, help="Dask scheduler address (tcp://host:8786); default: a LocalCluster."
    ),
    text_col: str = typer.Option("text", help="CSV/JSONL field with the article text."),
    date_col: str = typer.Option("date", help="Field with the publication date."),
    url_col: str = typer.Option("url", help="Field with the article URL."),
    title_col: str = typer.Option("title", help="Field with the headline."),
    outlet_col: str | None = typer.Option(None, help="Field with the outlet's name."),
    limit: int | None = typer.Option(None, help="Read at most N documents."),
    batch_size: int = typer.Option(16, help="Documents per transaction."),
    delay: float = typer.Option(1.0, help="Seconds between two requests to one host (feeds)."),
    max_bytes: int = typer.Option(
        20_000_000, help="Refuse a fetched page or feed over this many bytes (FP043)."
    ),
    fetch_deadline: float = typer.Option(
        60.0, help="Seconds one fetch may take in all, retries included (FP044)."
    ),
    model: str | None = typer.Option(None, help="spaCy model name."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    as_json: bool = typer.Option(False, "--json", help="End with the summary as one JSON line."),
) -> None:
    """Add reports to the corpus: idempotent, resumable, deduplicated."""
    from flashpoint.corpus.ingest import Columns, Fetcher
    from flashpoint.corpus.ingest import ingest as run_ingest

    columns = Columns(text=text_col, date=date_col, url=url_col, title=title_col, outlet=outlet_col)
    settings = Settings(model=model) if model else Settings()
    with _open(db, create=True) as store:
        summary = run_ingest(
            path,
            store,
            columns=columns,
            workers=workers,
            engine=cast("Engine", engine.value),
            scheduler=scheduler,
            limit=limit,
            batch_size=batch_size,
            settings=settings,
            fetcher=Fetcher(delay=delay, max_bytes=max_bytes, deadline=fetch_deadline),
            progress=not quiet,
        )
    for line in summary.lines():
        typer.echo(line, err=True)
    if as_json:
        typer.echo(json.dumps(summary.as_dict(), sort_keys=True))


@app.command()
def incidents(
    actor: str | None = typer.Option(None, help="Name substring or ISO code (Maduro, VEN)."),
    dyad: str | None = typer.Option(None, help="Two actors, A:B (USA:VEN), either direction."),
    country: str | None = typer.Option(None, help="ISO code of the place or an actor."),
    since: str | None = typer.Option(None, help="From this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, help="Up to this date (YYYY-MM-DD)."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="One Incident JSON per line."),
) -> None:
    """The merged incidents, with their reports, sources and figures."""
    from flashpoint.corpus import timeline

    with _open(db) as store:
        chosen = timeline.select(
            store.incidents(),
            actor=actor,
            dyad=timeline.parse_dyad(dyad) if dyad else None,
            country=country,
            since=parse_date(since),
            until=parse_date(until),
        )
    if as_json:
        for incident in chosen:
            typer.echo(incident.model_dump_json())
    else:
        typer.echo(timeline.format_timeline(chosen) or "no incidents match")


@app.command()
def timeline(
    dyad: str | None = typer.Option(None, help="Two actors, A:B (USA:VEN)."),
    actor: str | None = typer.Option(None, help="Name substring or ISO code."),
    country: str | None = typer.Option(None, help="ISO code of the place or an actor."),
    since: str | None = typer.Option(None, help="From this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, help="Up to this date (YYYY-MM-DD)."),
    freq: FreqName = typer.Option(FreqName.day, help="Tension index per day or week."),
    plot: Path | None = typer.Option(None, help="Write the tension plot here (.png or .svg)."),
    top_dates: int | None = typer.Option(
        None,
        "--top-dates",
        min=1,
        help="Only the N most important days (by coverage, then salience).",
    ),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Incidents and index as one JSON."),
) -> None:
    """The chronological incidents of an actor, dyad or country, and the tension index."""
    from flashpoint.corpus import timeline as tl

    with _open(db) as store:
        chosen = tl.select(
            store.incidents(),
            actor=actor,
            dyad=tl.parse_dyad(dyad) if dyad else None,
            country=country,
            since=parse_date(since),
            until=parse_date(until),
        )
    if top_dates is not None:
        days = tl.top_dates(chosen, top_dates)
        if as_json:
            typer.echo(json.dumps([_day_json(d) for d in days], ensure_ascii=False))
        else:
            typer.echo(tl.format_top_dates(days) or "no incidents match")
        return
    # The index over the whole asked period: quiet days before and after count as zeros.
    points = tl.pad_points(
        tl.tension_index(chosen, freq=cast("Freq", freq.value)),
        cast("Freq", freq.value),
        parse_date(since),
        parse_date(until),
    )
    if plot is not None:
        tl.plot_tension(points, plot, title=f"Tension: {dyad or actor or country or 'all'}")
        typer.echo(f"wrote {plot}", err=True)
    if as_json:
        payload = {"incidents": [_json(i) for i in chosen], "tension": [_json(p) for p in points]}
        typer.echo(json.dumps(payload, ensure_ascii=False))
        return
    typer.echo(tl.format_timeline(chosen) or "no incidents match")
    typer.echo("")
    typer.echo(tl.format_table(points))


def _day_json(entry: Any) -> dict[str, Any]:
    from flashpoint.corpus import timeline as tl

    return {
        "date": entry.day.isoformat(),
        "score": entry.score,
        "incidents": [
            {
                "id": i.id,
                "type": i.type,
                "salience": i.salience,
                "location": i.location,
                "source_actors": tl.distinct_labels(i.source_actors, 3),
                "target_actors": tl.distinct_labels(i.target_actors, 3),
                "reports": i.independent_reports,
                "outlets": i.outlets,
                "evidence": entry.evidence(i),
            }
            for i in entry.incidents
        ],
    }


class BriefFormat(StrEnum):
    markdown = "markdown"
    html = "html"


@app.command()
def brief(
    country: str | None = typer.Option(None, help="ISO code of the place or an actor (VEN)."),
    since: str | None = typer.Option(None, help="From this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, help="Up to this date (YYYY-MM-DD)."),
    days: int = typer.Option(10, min=1, help="How many key days to list."),
    format: BriefFormat = typer.Option(BriefFormat.markdown, "--format", "-f"),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    min_confidence: float | None = typer.Option(
        None,
        "--min-confidence",
        help="An incident told by one report needs this confidence (default: the calibrated"
        " threshold of docs/calibration.md; two or more reports always count).",
    ),
) -> None:
    """A situation brief: key incidents by day, figures, accusations, doubts, tension."""
    from flashpoint.corpus import brief as briefing

    with _open(db) as store:
        made = briefing.build_brief(
            store.incidents(),
            store.reports(),
            country=country,
            since=parse_date(since),
            until=parse_date(until),
            days=days,
            min_confidence=min_confidence,
        )
    render = briefing.to_html if format is BriefFormat.html else briefing.to_markdown
    typer.echo(render(made), nl=False)


@app.command()
def search(
    query: str = typer.Argument(..., help='Words or an FTS5 query ("airspace closed").'),
    limit: int = typer.Option(20, help="At most N matches."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="One match per JSON line."),
) -> None:
    """Full-text search over document texts and event sentences."""
    with _open(db) as store:
        hits = store.search(query, limit=limit)
    for hit in hits:
        if as_json:
            typer.echo(json.dumps(_json(hit), ensure_ascii=False))
        else:
            where = f"{hit.document[:12]}  {hit.published or '?':<10}  {hit.start}-{hit.end}"
            typer.echo(f"{where}  {hit.snippet}")
    if not hits and not as_json:
        typer.echo("no matches", err=True)


@app.command()
def stats(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="One JSON line."),
) -> None:
    """Counts: documents, near-duplicates, events, incidents, skipped by reason."""
    with _open(db) as store:
        figures = store.stats()
    if as_json:
        typer.echo(json.dumps(figures, sort_keys=True))
        return
    width = max(map(len, figures))
    for key, value in figures.items():
        typer.echo(f"{key.ljust(width)}  {value}")


@app.command()
def export(
    outdir: Path = typer.Argument(..., help="Folder to write the files into."),
    format: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f"),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    min_confidence: float | None = typer.Option(
        None,
        "--min-confidence",
        help="Leave out events below this confidence (default: the calibrated threshold"
        " of docs/calibration.md; 0 keeps every event).",
    ),
) -> None:
    """Write the corpus as JSONL, CSV, Parquet, GeoJSON, PLOVER JSONL or GDELT TSV."""
    from flashpoint.extractors.events.confidence import default_threshold
    from flashpoint.outputs.exports import export as run_export

    threshold = default_threshold() if min_confidence is None else min_confidence
    with _open(db) as store:
        for path in run_export(store, format.value, outdir, min_confidence=threshold):
            typer.echo(str(path))
