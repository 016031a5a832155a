"""``flashpoint`` command: each sub-command lives in its own module."""

from __future__ import annotations

import os
import sys

import typer

from flashpoint.errors import FlashpointError, InternalError, UnreadableInput, UsageError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Flashpoint: sourced, dated records of political crises from news reports.",
)


def main() -> None:
    import flashpoint.cli  # noqa: F401  (the package attaches every command to ``app``)

    try:
        app(standalone_mode=False)
    except FlashpointError as err:
        _fail(err)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("aborted", err=True)
        sys.exit(130)
    except Exception as err:
        _other(err)


def _fail(err: FlashpointError, status: int = 2) -> None:
    typer.echo("error " + " ".join(str(err).split()), err=True)
    sys.exit(status)


def _other(err: Exception) -> None:
    """Click's exits and usage errors (typer vendors its own click, so match by shape),
    file errors, and last, any bug: one line each, never a traceback."""
    status = getattr(err, "exit_code", None)
    if type(err).__name__ == "Exit" and isinstance(status, int):
        sys.exit(status)
    if type(err).__name__ == "NoArgsIsHelpError":
        err.show()  # type: ignore[attr-defined]
        sys.exit(status if isinstance(status, int) else 2)
    message = getattr(err, "format_message", None)
    if isinstance(status, int) and callable(message):
        if status == 2:  # a usage error: unknown option, missing or bad argument
            _fail(UsageError(detail=str(message()).rstrip(".")))
        typer.echo(f"error {' '.join(str(message()).split())}", err=True)
        sys.exit(status)
    if isinstance(err, OSError):
        where = f" '{err.filename}'" if err.filename else ""
        reason = err.strerror or type(err).__name__
        _fail(
            UnreadableInput(path=str(err.filename or ""), detail=f" ({reason})")
            if where
            else InternalError(detail=f"{type(err).__name__}: {err}")
        )
    if os.environ.get("FLASHPOINT_DEBUG"):
        raise err
    _fail(InternalError(detail=f"{type(err).__name__}: {err}"[:300]), status=1)
