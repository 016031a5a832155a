"""``flashpoint eval NAME --data DIR``: accuracy on a gold folder."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from flashpoint import registry
from flashpoint.cli.app import app
from flashpoint.errors import EvalDataMissing


@app.command("eval")
def evaluate(
    name: str = typer.Argument(
        ..., help="An evaluation registered in flashpoint.evaluation (see docs/architecture.md)."
    ),
    data: Path = typer.Option(..., "--data", help="Gold folder in that set's format."),
    limit: int | None = typer.Option(None, help="Score only the first N documents."),
    baseline: bool = typer.Option(
        False, help="Score the plain tool a user might reach for instead (spaCy, dateparser)."
    ),
    as_json: bool = typer.Option(False, "--json", help="End with one JSON line."),
    cache: Path | None = typer.Option(
        None,
        help="Folder of cached Reports for the corpus evaluations (gvc, gva, ecbplus, t17);"
        " default $FLASHPOINT_EVAL_CACHE.",
    ),
) -> None:
    """Score the extractor on gold data and print precision, recall and F1.

    The first line names the split scored. A missing data folder is a documented
    skip: one line on stderr, exit 0, and with --json a last line
    ``{"eval": NAME, "skipped": REASON}``.
    """
    spec = registry.get_evaluation(name)
    try:
        metrics = registry.run_evaluation(name, data, limit=limit, baseline=baseline, cache=cache)
    except EvalDataMissing as err:
        typer.echo(f"skipped {err}", err=True)
        if as_json:
            typer.echo(json.dumps({"eval": name, "skipped": str(err)}))
        return
    typer.echo(f"split: {spec.split}", err=True)
    for note in metrics.pop("notes", []):
        typer.echo(note, err=True)
    width = max(map(len, metrics), default=0)
    for key, value in metrics.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        typer.echo(f"{key.ljust(width)}  {shown}")
    if as_json:
        typer.echo(json.dumps({"eval": name, "split": spec.split, **metrics}, sort_keys=True))
