"""``flashpoint serve``: the web app over a corpus (a thin wrapper over flashpoint.web)."""

from __future__ import annotations

from pathlib import Path

import typer

from flashpoint.cli.app import app
from flashpoint.corpus.store import default_path
from flashpoint.errors import WebUnavailable

DB_HELP = "Corpus file (default: $FLASHPOINT_DB, else ./flashpoint.db); opened read-only."


@app.command()
def serve(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option(
        "127.0.0.1", help="Address to listen on; anything but loopback exposes the corpus."
    ),
    port: int = typer.Option(8765, help="TCP port."),
    allow_ingest: bool = typer.Option(
        False, "--allow-ingest", help="Let /extract add what it extracts to the corpus."
    ),
    time_limit: float = typer.Option(2.0, help="Seconds a database query may run."),
) -> None:
    """Browse the corpus in a web browser, with a JSON twin of every page."""
    try:
        import uvicorn

        from flashpoint.web import WebSettings, create_app
    except ImportError as err:
        raise WebUnavailable(package=err.name or "fastapi") from None

    from flashpoint.web.app import LOOPBACK_HOSTS

    settings = WebSettings(
        db=db or default_path(),
        allow_ingest=allow_ingest,
        time_limit=time_limit,
        # On loopback, only loopback Host headers: a DNS-rebinding page cannot read the corpus.
        allowed_hosts=LOOPBACK_HOSTS if host in LOOPBACK_HOSTS else None,
    )
    web = create_app(settings)
    typer.echo(f"Flashpoint on http://{host}:{port}/ (corpus {settings.db})", err=True)
    if host not in LOOPBACK_HOSTS:
        note = f"note: listening on {host}: whoever reaches this port can read the corpus"
        typer.echo(note, err=True)
    uvicorn.run(web, host=host, port=port, log_level="warning")
