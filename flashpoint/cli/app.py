"""``flashpoint`` command: each sub-command lives in its own module."""

from __future__ import annotations

import sys

import typer

from flashpoint.errors import FileAccessError, FlashpointError

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
        typer.echo(f"error {err}", err=True)
        sys.exit(2)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("aborted", err=True)
        sys.exit(130)
    except Exception as err:  # click usage errors and the like
        import click

        if isinstance(err, click.exceptions.Exit):
            sys.exit(err.exit_code)
        if isinstance(err, click.ClickException):
            err.show()
            sys.exit(err.exit_code)
        if isinstance(err, OSError):
            failure = FileAccessError(reason=err.strerror or str(err), path=err.filename or "")
            typer.echo(f"error {failure}", err=True)
            sys.exit(2)
        raise
