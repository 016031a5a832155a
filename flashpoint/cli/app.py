"""``flashpoint`` command: each sub-command lives in its own module."""

from __future__ import annotations

import sys

import typer

from flashpoint.errors import FlashpointError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Flashpoint: sourced, dated records of political crises from news reports.",
)


def _register() -> None:
    from flashpoint.cli import corpus, evaluate, extract, serve  # noqa: F401


def main() -> None:
    _register()
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
            typer.echo(f"error FP009: {err.strerror or err}: {err.filename or ''}", err=True)
            sys.exit(2)
        raise
