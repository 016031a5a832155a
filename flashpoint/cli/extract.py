"""``flashpoint extract``: one report in, one record out."""

from __future__ import annotations

from enum import StrEnum

import typer

from flashpoint.cli.app import app
from flashpoint.config import Settings
from flashpoint.extractors.events.confidence import default_threshold
from flashpoint.ingest.text import load_path, parse_date
from flashpoint.outputs.confident import check_threshold, confident
from flashpoint.pipeline import extract as run_extract


class Format(StrEnum):
    json = "json"
    markdown = "markdown"
    plover = "plover"
    gdelt = "gdelt"


@app.command()
def extract(
    path: str = typer.Argument(..., help="A .txt or .html file, or - for standard input."),
    published: str | None = typer.Option(
        None, help="Publication date (YYYY-MM-DD); defaults to the page's metadata."
    ),
    format: Format = typer.Option(
        Format.json,
        "--format",
        "-f",
        help="json, markdown, plover (PLOVER JSONL events) or gdelt (CAMEO-coded TSV).",
    ),
    model: str | None = typer.Option(None, help="spaCy model name."),
    max_chars: int | None = typer.Option(None, help="Refuse inputs longer than this."),
    indent: int = typer.Option(2, help="JSON indentation (0 for one line)."),
    min_confidence: float | None = typer.Option(
        None,
        "--min-confidence",
        help="Leave out events below this confidence (default: the calibrated threshold"
        " of docs/calibration.md, dev precision >= 0.85; 0 keeps every event).",
    ),
) -> None:
    """Extract actors, places, times, quotes, claims, figures and events from a report."""
    defaults = Settings()
    settings = Settings(model=model or defaults.model, max_chars=max_chars or defaults.max_chars)
    raw = load_path(path)
    date = parse_date(published) if published else raw.published
    report = run_extract(raw.text, date, title=raw.title, source=raw.source, settings=settings)
    threshold = default_threshold() if min_confidence is None else min_confidence
    report = confident(report, check_threshold(threshold))
    if format is Format.markdown:
        from flashpoint.outputs.markdown import render

        typer.echo(render(report))
    elif format is Format.plover:
        import json

        from flashpoint.outputs.plover import records

        for record in records(report):
            typer.echo(json.dumps(record, ensure_ascii=False))
    elif format is Format.gdelt:
        from flashpoint.outputs.gdelt import HEADER, rows

        typer.echo("\t".join(HEADER))
        for row in rows(report):
            typer.echo("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row))
    else:
        typer.echo(report.model_dump_json(indent=indent or None))
