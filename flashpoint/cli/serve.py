"""``flashpoint serve``: the web app over a corpus (a thin wrapper over flashpoint.web)."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

import typer

from flashpoint.cli.app import app
from flashpoint.corpus.store import default_path
from flashpoint.errors import CannotListen, WebUnavailable

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
    sock = _listen(host, port)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"Flashpoint on http://{shown}:{port}/ (corpus {settings.db})", err=True)
    if host not in LOOPBACK_HOSTS:
        note = f"note: listening on {host}: whoever reaches this port can read the corpus"
        typer.echo(note, err=True)
    config = uvicorn.Config(web, host=host, port=port, log_level="warning")
    uvicorn.Server(config).run(sockets=[sock])


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so a busy port or a bad address is one coded line."""
    if not 1 <= port <= 65535:
        raise CannotListen(host=host, port=port, detail=" (a port is 1-65535)")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            detail = f" (the port is in use: try --port {port + 1})"
        else:
            detail = f" ({os.strerror(err.errno) if err.errno else err})"
        raise CannotListen(host=host, port=port, detail=detail) from None
